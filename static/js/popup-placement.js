// Keep popups inside the map and clear of its controls, and the map where the user left it.
// On a narrow map (a phone) the popup is as wide as the map less a margin, its text scrolls
// inside it, and while it is open the map's controls step aside. Leaflet's events and
// documented methods only: the places' popups are bound with autoPan off, and placed here.
window.soderort = window.soderort || {};

window.soderort.popupPlacement = (map, options) => {
  const margin = options.marginPx;
  const aside = options.asideClass;
  const style = document.createElement("style");
  style.textContent = `.${aside} .leaflet-control { display: none; }`;
  document.head.appendChild(style);
  const container = map.getContainer();
  let home = null;
  let ours = false;
  function narrow() {
    return map.getSize().x < options.narrowBelowPx;
  }
  function clearance() {
    // In the map's own layout (offsets), which holds before the frame is shown.
    const size = map.getSize();
    const room = { left: margin, right: margin, top: margin, bottom: margin };
    container.querySelectorAll(".leaflet-control").forEach((control) => {
      const corner = control.parentNode;
      if (!control.offsetWidth || !control.offsetHeight) {
        return;
      }
      const left = corner.offsetLeft + control.offsetLeft;
      const top = corner.offsetTop + control.offsetTop;
      if (corner.classList.contains("leaflet-bottom")) {
        room.bottom = Math.max(room.bottom, size.y - top + margin);
      } else if (corner.classList.contains("leaflet-left")) {
        room.left = Math.max(room.left, left + control.offsetWidth + margin);
      } else {
        room.right = Math.max(room.right, size.x - left + margin);
      }
    });
    return room;
  }
  function inside(shape, latlng) {
    // Even-odd rule over every ring of a polygon; a line has no inside.
    if (!(shape instanceof L.Polygon)) {
      return false;
    }
    const rings = [];
    let crossings = 0;
    (function collect(list) {
      if (list.length && list[0] instanceof L.LatLng) {
        rings.push(list);
      } else {
        list.forEach(collect);
      }
    })(shape.getLatLngs());
    rings.forEach((ring) => {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[i];
        const b = ring[j];
        if (
          a.lat > latlng.lat !== b.lat > latlng.lat &&
          latlng.lng < ((b.lng - a.lng) * (latlng.lat - a.lat)) / (b.lat - a.lat) + a.lng
        ) {
          crossings++;
        }
      }
    });
    return crossings % 2 === 1;
  }
  function nearestInside(popup, source, room) {
    // Where the popup's tip may point for the popup to fit: the anchor's range.
    const size = map.getSize();
    const box = container.getBoundingClientRect();
    const rect = popup.getElement().getBoundingClientRect();
    const anchor = map.latLngToContainerPoint(popup.getLatLng());
    let x0 = room.left - (rect.left - box.left - anchor.x);
    let x1 = size.x - room.right - (rect.right - box.left - anchor.x);
    let y0 = room.top - (rect.top - box.top - anchor.y);
    let y1 = size.y - room.bottom - (rect.bottom - box.top - anchor.y);
    if (anchor.x >= x0 && anchor.x <= x1 && anchor.y >= y0 && anchor.y <= y1) {
      return anchor;
    }
    // A pixel inside the range, so that rounding cannot leave the tip just outside.
    x0 += 1;
    x1 -= 1;
    y0 += 1;
    y1 -= 1;
    if (x0 > x1 || y0 > y1) {
      return null;
    }
    let best = null;
    const steps = 20;
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const point = L.point(x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * j) / steps);
        if (
          (!best || point.distanceTo(anchor) < best.distanceTo(anchor)) &&
          inside(source, map.containerPointToLatLng(point))
        ) {
          best = point;
        }
      }
    }
    return best;
  }
  function sourceOf(popup) {
    // The layer the popup is bound to (each place's own: see place-bindings.js).
    let found = null;
    map.eachLayer((layer) => {
      if (layer.getPopup && layer.getPopup() === popup) {
        found = layer;
      }
    });
    return found;
  }
  function panIntoView(popup, room) {
    // Leaflet's own autopan, with the room the controls take (the places' popups are bound
    // with autoPan off: this is where they are panned into view).
    const size = map.getSize();
    const box = container.getBoundingClientRect();
    const rect = popup.getElement().getBoundingClientRect();
    const left = rect.left - box.left;
    const top = rect.top - box.top;
    let dx = 0;
    let dy = 0;
    if (left + rect.width + room.right > size.x) {
      dx = left + rect.width - size.x + room.right;
    }
    if (left - dx - room.left < 0) {
      dx = left - room.left;
    }
    if (top + rect.height + room.bottom > size.y) {
      dy = top + rect.height - size.y + room.bottom;
    }
    if (top - dy - room.top < 0) {
      dy = top - room.top;
    }
    if (dx || dy) {
      // Panned back when the popup closes, unless the user has moved the map in between.
      ours = true;
      if (!home) {
        home = map.getCenter();
      }
      map.panBy([dx, dy]);
    }
  }
  function place(popup) {
    // A popup that does not fit is moved within its own place (a wide area such as Hela
    // Söderort has room to spare); only if it cannot be is the map panned.
    const room = clearance();
    const anchor = map.latLngToContainerPoint(popup.getLatLng());
    const point = nearestInside(popup, sourceOf(popup), room);
    if (point && !point.equals(anchor)) {
      popup.setLatLng(map.containerPointToLatLng(point));
    } else if (!point) {
      panIntoView(popup, room);
    }
  }
  let open = null;
  map.on("popupopen", (event) => {
    open = event.popup;
    if (narrow()) {
      // Sized to the map and laid out again before it is placed (nothing is painted between).
      const size = map.getSize();
      const popupOptions = open.options;
      container.classList.add(aside);
      popupOptions.maxWidth = size.x - 2 * margin - 28;
      popupOptions.minWidth = Math.min(popupOptions.minWidth || 0, size.x - 80);
      popupOptions.maxHeight = Math.round(size.y * options.heightShare);
      open.update();
    }
    place(open);
  });
  // A map that changes size under an open popup (a page that reflows, a phone turned).
  map.on("resize", () => {
    if (open?.isOpen()) {
      open.update();
      place(open);
    }
  });
  map.on("moveend", () => {
    ours = false;
  });
  map.on("movestart", () => {
    if (!ours) {
      home = null;
    }
  });
  map.on("popupclose", (event) => {
    if (event.popup === open) {
      open = null;
    }
    container.classList.remove(aside);
    setTimeout(() => {
      if (!home || open?.isOpen()) {
        return;
      }
      const back = home;
      home = null;
      ours = true;
      map.panTo(back);
    }, 0);
  });
};
