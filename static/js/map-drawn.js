// Tell the page, once per page load, that the first map has been drawn: the component's
// value with the key set (component-value.js) starts the run that adds the sidebar.
window.soderort = window.soderort || {};

window.soderort.mapDrawn = (map, options) => {
  const channel = window.soderort.componentValue;
  let top;
  try {
    top = window.parent;
  } catch (_error) {
    return;
  }
  if (!channel.inFrame() || !top || top.__sodMapDrawn) {
    return;
  }
  top.__sodMapDrawn = true;
  // After the frame in which the component adds the place layer and Leaflet paints.
  map.whenReady(() => {
    window.requestAnimationFrame(() => {
      window.setTimeout(() => channel.send(options.key, true), 0);
    });
  });
};
