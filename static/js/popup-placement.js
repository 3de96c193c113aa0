// Keep popups inside the map and clear of its controls, and the map where the user left it.
// On a narrow map (a phone) the popup is as wide as the map less a margin, its text scrolls
// inside it, and while it is open the map's controls step aside.
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
  function nearestInside(popup, room) {
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
          inside(popup._source, map.containerPointToLatLng(point))
        ) {
          best = point;
        }
      }
    }
    return best;
  }
  // Sized before the popup's first layout, so that its first placing already fits it.
  const onAdd = L.Popup.prototype.onAdd;
  L.Popup.prototype.onAdd = function (target, ...rest) {
    if (target === map && narrow()) {
      const size = map.getSize();
      container.classList.add(aside);
      this.options.maxWidth = size.x - 2 * margin - 28;
      this.options.minWidth = Math.min(this.options.minWidth || 0, size.x - 80);
      this.options.maxHeight = Math.round(size.y * options.heightShare);
    }
    return onAdd.call(this, target, ...rest);
  };
  const adjust = L.Popup.prototype._adjustPan;
  L.Popup.prototype._adjustPan = function (...args) {
    if (this._map !== map || !this.options.autoPan || !this._container) {
      return adjust.apply(this, args);
    }
    const room = clearance();
    this.options.autoPanPaddingTopLeft = [room.left, room.top];
    this.options.autoPanPaddingBottomRight = [room.right, room.bottom];
    const anchor = map.latLngToContainerPoint(this.getLatLng());
    const point = nearestInside(this, room);
    if (point && !point.equals(anchor)) {
      this.setLatLng(map.containerPointToLatLng(point));
      return;
    }
    return adjust.apply(this, args);
  };
  map.on("resize", () => {
    const popup = map._popup;
    if (popup?.isOpen()) {
      popup.update();
    }
  });
  map.on("autopanstart", () => {
    ours = true;
    if (!home) {
      home = map.getCenter();
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
  map.on("popupclose", () => {
    container.classList.remove(aside);
    setTimeout(() => {
      if (!home || map._popup?.isOpen()) {
        return;
      }
      const back = home;
      home = null;
      ours = true;
      map.panTo(back);
    }, 0);
  });
};
