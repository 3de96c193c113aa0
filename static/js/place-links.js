// The popups' links to a place page, inside Streamlit's component frame: the frame may not
// navigate the page, so a plain click on such a link is sent to the page as the map's value
// (component-value.js). A click with a modifier key, or the map outside Streamlit, follows
// the link as usual; so does a source's link (target="_blank").
window.soderort = window.soderort || {};

window.soderort.placeLinks = (_map, options) => {
  const channel = window.soderort.componentValue;
  if (!channel.inFrame()) {
    return;
  }
  document.addEventListener("click", (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    const link = event.target.closest?.('.sod-popup a[href][target="_top"]');
    if (!link) {
      return;
    }
    event.preventDefault();
    channel.send(options.key, {
      place: link.closest(".sod-popup").getAttribute("data-place"),
      stamp: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
    });
  });
};
