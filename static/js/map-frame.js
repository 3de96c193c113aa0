// Frame and outline the chosen place; bound to the place layer (the part that is redrawn).
window.soderort = window.soderort || {};

window.soderort.mapFrame = (group, map, options) => {
  window.__sodFrame = window.__sodFrame || { serial: null, chosen: null };
  const state = window.__sodFrame;
  function shapes() {
    // No prototype: a name every object has ("constructor") is no shape.
    const found = Object.create(null);
    group.eachLayer((item) => {
      if (!item.eachLayer) {
        return;
      }
      item.eachLayer((shape) => {
        const id = shape.feature?.properties.id;
        if (id) {
          found[id] = shape;
        }
      });
    });
    return found;
  }
  function outline(shape) {
    if (state.outline) {
      map.removeLayer(state.outline);
    }
    state.outline = null;
    if (!shape) {
      return;
    }
    state.outline = L.layerGroup(
      options.styles.map((style) =>
        L.geoJSON(shape.feature, {
          interactive: false,
          style: Object.assign({ fill: false, className: "sod-chosen" }, style),
        }),
      ),
    ).addTo(map);
  }
  group.once("add", () => {
    const byId = shapes();
    if (state.serial === null) {
      // The server's place, checked against the plan: the address is never read.
      const wanted = options.place;
      if (wanted !== null && byId[wanted]) {
        state.chosen = wanted;
        // At once, while the frame is drawn the first time: the controls cannot be
        // measured yet (Leaflet's style sheet is still on its way), so the room for them
        // is the known column widths. On a narrow map the legend is folded: the wide
        // map's right-hand column would leave the place no room, and Leaflet then zoomed
        // out to all of Söderort.
        if (options.framePlace) {
          const narrow = map.getSize().x < options.narrowBelowPx;
          const room = narrow ? options.narrowPadding : options.widePadding;
          map.fitBounds(byId[wanted].getBounds(), {
            paddingTopLeft: room[0],
            paddingBottomRight: room[1],
          });
        }
      }
    } else if (state.serial !== options.serial) {
      state.chosen = null;
      map.fitBounds(options.home, { padding: options.homePadding });
    }
    state.serial = options.serial;
    outline(byId[state.chosen]);
    Object.keys(byId).forEach((id) => {
      byId[id].on("click", () => {
        state.chosen = id;
        outline(byId[id]);
      });
    });
  });
};
