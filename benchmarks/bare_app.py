"""The bare reference app: st_folium drawing the dashboard's features and nothing else.

Söderort's outline and its stadsdelar on the base map, the named places as one layer with a
plain popup (the place's name), handed to st_folium as ``feature_group_to_add`` like the
dashboard does. No filters, no sidebar, no list, no logic: the cheapest app that shows the same
map. One toggle recolours the place layer, so that a rerun redraws that layer as a filter
change does in the dashboard.

Run it like the app (it reads the same data folder, ``SODERORT_DATA_DIR`` included)::

    .venv/bin/streamlit run benchmarks/bare_app.py
"""

import json

import folium
import streamlit as st
from streamlit_folium import st_folium

from soderort import assets, paths
from soderort.loading import PlanData, load_plan_data

# The bench's browser part finds this toggle by its label (benchmarks.browser.BARE_TOGGLE_LABEL).
TOGGLE_LABEL = "Byt färg"


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(data_dir: str) -> PlanData:
    return load_plan_data(data_dir)


def _collection(frame, columns: list[str]) -> dict:
    # GeoJSON straight from the frame, with only the properties the map uses.
    return json.loads(frame[[*columns, "geometry"]].to_json(drop_id=True))


st.set_page_config(page_title="Bare reference", layout="wide")
data = _load(str(paths.app_data_dir()))
recolour = st.toggle(TOGGLE_LABEL)

west, south, east, north = data.outline.total_bounds
base = folium.Map(location=[(south + north) / 2, (west + east) / 2], zoom_start=11, tiles=None)
# The same vendored Leaflet the dashboard uses (folium's defaults point at CDNs).
base.default_js = [("leaflet", assets.LEAFLET_JS)]
base.default_css = [("leaflet_css", assets.LEAFLET_CSS)]
folium.GeoJson(
    _collection(data.districts, ["id", "name"]),
    style_function=lambda _f: {"color": "#7a7a7a", "weight": 0.8, "fill": False},
    interactive=False,
).add_to(base)
folium.GeoJson(
    _collection(data.outline, ["id", "name"]),
    style_function=lambda _f: {"color": "#1a1a1a", "weight": 2.5, "fill": False},
    interactive=False,
).add_to(base)
base.fit_bounds([[south, west], [north, east]])

colour = "#E69F00" if recolour else "#2171b5"
places = folium.FeatureGroup(name="Platser")
folium.GeoJson(
    _collection(data.places, ["id", "name"]),
    style_function=lambda _f: {"color": "#08306b", "weight": 2, "fillColor": colour},
    popup=folium.GeoJsonPopup(fields=["name"], labels=False),
).add_to(places)

st_folium(
    base,
    key="bare_map",
    feature_group_to_add=places,
    returned_objects=["last_active_drawing"],
    use_container_width=True,
    height=620,
)
