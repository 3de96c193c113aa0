// A place's tooltip shows only under a pointer that moved onto it, and closes when it left.
window.soderort = window.soderort || {};

window.soderort.tooltipCleanup = (map) => {
  const pointer = { type: "mouse", screen: null, resting: false };
  function closeTooltips() {
    map.eachLayer((layer) => {
      if (layer.closeTooltip) {
        layer.closeTooltip();
      }
    });
  }
  document.addEventListener(
    "pointerdown",
    (event) => {
      pointer.type = event.pointerType;
    },
    true,
  );
  document.addEventListener(
    "mousemove",
    (event) => {
      const screen = `${event.screenX},${event.screenY}`;
      if (screen !== pointer.screen) {
        pointer.screen = screen;
        pointer.resting = false;
        // A mouse that moves is a mouse, even on a device with touch.
        if (!event.sourceCapabilities || !event.sourceCapabilities.firesTouchEvents) {
          pointer.type = "mouse";
        }
      }
    },
    true,
  );
  // Keyboard focus still shows a place's tooltip (Tab, or Escape back from its popup).
  document.addEventListener(
    "keydown",
    () => {
      pointer.type = "keyboard";
    },
    true,
  );
  // A tooltip opened under a resting pointer (the map moved under it) or by a tap closes
  // at once: nothing would close it later.
  map.on("tooltipopen", (event) => {
    if (pointer.type !== "keyboard" && (pointer.resting || pointer.type === "touch")) {
      map.closeTooltip(event.tooltip);
    }
  });
  window.addEventListener("mouseout", (event) => {
    if (!event.relatedTarget) {
      closeTooltips();
    }
  });
  // The browser may not tell the frame that the pointer left it; the page sees the
  // pointer move outside the frame.
  function pointerOutside() {
    if (document.querySelector(".leaflet-tooltip")) {
      closeTooltips();
    }
  }
  try {
    window.parent.document.addEventListener("mousemove", pointerOutside);
    // The page outlives the frame (a new page, a new map): leave it as it was.
    window.addEventListener("pagehide", () => {
      window.parent.document.removeEventListener("mousemove", pointerOutside);
    });
  } catch (_error) {
    // Another origin's page: the frame's own "mouseout" is all there is.
  }
  map.on("movestart zoomstart", () => {
    pointer.resting = true;
    closeTooltips();
  });
  map.on("popupopen", closeTooltips);
};
