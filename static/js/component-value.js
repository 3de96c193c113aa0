// The map's one way to tell the page something: streamlit-folium's component value, with
// fields of our own added. Every value the frame sends after a field was set carries it too,
// until the page leaves: streamlit-folium's own next value (a click's, 250 ms later) would
// otherwise replace it. streamlit-folium's front end has no hook for this: the one wrap of
// its channel (listed in PRIVATE_USES.md) is here.
window.soderort = window.soderort || {};

window.soderort.componentValue = {
  // Whether the map runs in streamlit-folium's frame (not the HTML file, not the light map).
  inFrame: () => Boolean(window.Streamlit && window.__GLOBAL_DATA__),
  // Send the map's last value again with `key` set to `value` (and every field set before).
  send: (key, value) => {
    const channel = window.soderort.componentValue;
    if (!channel.fields) {
      channel.fields = {};
      const send = window.Streamlit.setComponentValue;
      window.Streamlit.setComponentValue = function (sent) {
        return send.call(this, Object.assign({}, sent, channel.fields));
      };
    }
    channel.fields[key] = value;
    window.Streamlit.setComponentValue(window.__GLOBAL_DATA__.previous_data);
  },
};
