"""Söderort 2030: the router and the frame every page shares (`streamlit run app.py`)."""

import streamlit as st

from soderort.i18n import t
from ui.data import get_plan_data
from ui.sidebar import render_sidebar

st.set_page_config(page_title="Söderort 2030", page_icon=":material/map:", layout="wide")

data = get_plan_data()
view = render_sidebar(data)
language = view.language

# Titles follow the language switch; url_path stays Swedish and fixed, so links keep working.
pages = [
    st.Page(
        "pages/map.py",
        title=t("page.map", language),
        icon=":material/map:",
        default=True,
        url_path="karta",
    ),
    st.Page(
        "pages/about.py",
        title=t("page.about", language),
        icon=":material/info:",
        url_path="om",
    ),
]
st.navigation(pages).run()
