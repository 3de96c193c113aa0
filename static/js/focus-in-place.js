// A press on the map focuses it where it stands: the page around the map's frame does not
// scroll to show the whole map, so the place under the pointer stays under it until the click.
window.soderort = window.soderort || {};

window.soderort.focusInPlace = (map) => {
  const container = map.getContainer();
  // Before Leaflet's own handler, which focuses the map without preventScroll: once focused, it
  // leaves the focus as it is.
  container.addEventListener(
    "mousedown",
    () => {
      if (document.activeElement !== container && !container.contains(document.activeElement)) {
        container.focus({ preventScroll: true });
      }
    },
    true,
  );
};
