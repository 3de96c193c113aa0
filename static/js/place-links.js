// The popups' links to a place page, inside Streamlit's component frame: the frame may not
// navigate the page, so a plain click on such a link is sent to the page as the map's value.
window.soderort = window.soderort || {};

window.soderort.placeLinks = (_map, options) => {
  let request = null;
  if (!window.Streamlit || !window.__GLOBAL_DATA__) {
    return;
  }
  const send = window.Streamlit.setComponentValue;
  // Every value the map sends after the click carries the request too, until the page
  // leaves: a click's value that streamlit-folium sends a moment later would replace it.
  window.Streamlit.setComponentValue = function (value) {
    let sent = value;
    if (request) {
      sent = Object.assign({}, value);
      sent[options.key] = request;
    }
    return send.call(this, sent);
  };
  document.addEventListener("click", (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    const link = event.target.closest?.('.sod-popup a[href][target="_top"]');
    if (!link) {
      return;
    }
    event.preventDefault();
    request = {
      place: link.closest(".sod-popup").getAttribute("data-place"),
      stamp: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
    };
    window.Streamlit.setComponentValue(window.__GLOBAL_DATA__.previous_data);
  });
};
