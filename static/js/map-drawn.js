// Tell the page, once per page load, that the first map has been drawn: the component's
// value with the key set starts the run that adds the sidebar. Every value the map sends
// after it carries the key too (a click's value would otherwise replace the report).
window.soderort = window.soderort || {};

window.soderort.mapDrawn = (map, options) => {
  let top;
  try {
    top = window.parent;
  } catch (_error) {
    return;
  }
  if (!window.Streamlit || !window.__GLOBAL_DATA__ || !top || top.__sodMapDrawn) {
    return;
  }
  top.__sodMapDrawn = true;
  // After the frame in which the component adds the place layer and Leaflet paints.
  map.whenReady(() => {
    window.requestAnimationFrame(() => {
      window.setTimeout(() => {
        const send = window.Streamlit.setComponentValue;
        window.Streamlit.setComponentValue = function (value) {
          const sent = Object.assign({}, value);
          sent[options.key] = true;
          return send.call(this, sent);
        };
        window.Streamlit.setComponentValue(window.__GLOBAL_DATA__.previous_data);
      }, 0);
    });
  });
};
