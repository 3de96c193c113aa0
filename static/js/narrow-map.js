// On a narrow map, fill the frame's height; wrap the attribution beside the scale bar.
window.soderort = window.soderort || {};

window.soderort.narrowMap = (map, options) => {
  const style = document.createElement("style");
  style.textContent =
    // The credits' width beside the scale bar is the maps' style's (render/map_css.py).
    ".sod-narrow .leaflet-control-attribution {" +
    " white-space: normal; font-size: 11px; line-height: 1.35; }" +
    // The page may give a phone's map frame a height of its own (streamlit-folium sets the
    // laptop's on the map): the map fills the frame it is given.
    `@media (max-width: ${options.narrowBelowPx - 1}px) {` +
    " #map_div { height: 100vh !important; } }";
  document.head.appendChild(style);
  const container = map.getContainer();
  // The frame's height comes after the map's first draw, and a resize of the frame alone
  // is no window resize that Leaflet would notice.
  new ResizeObserver(() => {
    if (container.clientHeight) {
      map.invalidateSize();
    }
  }).observe(container);
  function mark() {
    container.classList.toggle("sod-narrow", map.getSize().x < options.narrowBelowPx);
  }
  map.on("resize", mark);
  mark();
};
