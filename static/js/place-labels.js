// Add a label for each place to a layer; a tap or click on a label opens its place, as if the
// place itself had been clicked at the label's point. Labels take no keys: each place is
// reached by Tab on its shape.
window.soderort = window.soderort || {};

window.soderort.placeLabels = (group, options) => {
  const shapes = {};
  group.eachLayer((item) => {
    if (!item.eachLayer) {
      return;
    }
    item.eachLayer((layer) => {
      if (layer.feature) {
        shapes[layer.feature.properties.id] = layer;
      }
    });
  });
  options.labels.forEach((label) => {
    const icon = L.divIcon({ html: label.html, className: "sod-label-icon", iconSize: [0, 0] });
    const marker = L.marker([label.lat, label.lon], {
      icon: icon,
      keyboard: false,
      bubblingMouseEvents: false,
    });
    const place = shapes[label.place];
    if (place) {
      // The click also reaches the layer's listeners from the label itself
      // (streamlit-folium reports it as the clicked feature): it is the place's.
      marker.feature = { type: "Feature", properties: place.feature.properties };
      marker.on("click", (event) => {
        place.fire(
          "click",
          { latlng: marker.getLatLng(), originalEvent: event.originalEvent },
          true,
        );
      });
      // The pointer on a name shows that place's tooltip, as on the place itself.
      marker.on("mouseover", () => {
        place.openTooltip(marker.getLatLng());
      });
      marker.on("mouseout", () => {
        place.closeTooltip();
      });
    }
    marker.addTo(group);
  });
};
