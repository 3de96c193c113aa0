// Lay the labels out so that none covers another, at every zoom and size: the places with
// most initiatives first; each label keeps its name where it has room, else shows its count
// only, else steps aside until the reader zooms in far enough for it.
window.soderort = window.soderort || {};

window.soderort.labelLayout = (map, options) => {
  const margin = options.marginPx;
  const style = document.createElement("style");
  style.textContent =
    ".sod-compact .sod-label.sod-named .sod-name { display: inline; }" +
    ".sod-compact .sod-label.sod-named { padding: 1px 4px 1px 9px; }" +
    ".sod-compact .sod-label.sod-named b { margin-left: 6px; }" +
    ".sod-label.sod-short .sod-name { display: none; }" +
    ".sod-label.sod-short { padding: 1px 3px; }" +
    ".sod-label.sod-short b { margin-left: 0; }" +
    ".sod-label.sod-aside { visibility: hidden; }";
  document.head.appendChild(style);
  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }
  function count(label) {
    const number = label.querySelector("b");
    return number ? Number(number.textContent) || 0 : 0;
  }
  function keptInside(label, edge) {
    // A label whose point lies near the map's edge slides inward, whole in view.
    label.style.transform = "";
    const box = label.getBoundingClientRect();
    let shift = 0;
    if (box.bottom < edge.top || box.top > edge.bottom) {
      return box;
    }
    if (box.left < edge.left + margin) {
      shift = edge.left + margin - box.left;
    } else if (box.right > edge.right - margin) {
      shift = edge.right - margin - box.right;
    }
    if (!shift) {
      return box;
    }
    label.style.transform = `translate(calc(-50% + ${shift}px), -50%)`;
    return label.getBoundingClientRect();
  }
  function layout() {
    const container = map.getContainer();
    const edge = container.getBoundingClientRect();
    const labels = Array.from(container.querySelectorAll(".sod-label"));
    labels.sort((a, b) => count(b) - count(a));
    const taken = [];
    labels.forEach((label) => {
      label.classList.remove("sod-short", "sod-aside");
      label.classList.add("sod-named");
      let box = keptInside(label, edge);
      const free = () => !taken.some((other) => overlaps(box, other));
      if (!free()) {
        label.classList.remove("sod-named");
        label.classList.add("sod-short");
        box = keptInside(label, edge);
      }
      if (!free()) {
        label.classList.add("sod-aside");
        return;
      }
      taken.push(box);
    });
  }
  let pending = false;
  function later() {
    if (pending) {
      return;
    }
    pending = true;
    setTimeout(() => {
      pending = false;
      layout();
    }, 30);
  }
  // A pan brings labels to the edge, where they slide inward and may meet another.
  map.on("zoomend moveend resize layeradd", later);
  later();
};
