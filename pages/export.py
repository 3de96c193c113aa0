"""Skriv ut och exportera: the view as PDFs, the map as HTML, and as map data for a GIS."""

import streamlit as st

from soderort.facts import count_with_undated
from soderort.filters import filter_initiatives
from soderort.i18n import t
from ui.data import get_plan_data
from ui.embedding import render_embed_panel
from ui.exporting import filters_markdown, render_export_panel
from ui.open_data import render_map_data
from ui.view import current_view

data = get_plan_data()
view = current_view()
language = view.language

st.title(t("page.export", language))
initiatives = filter_initiatives(data, view.filters)
count = count_with_undated(view.filters, initiatives, len(data.initiatives), language)
st.markdown(t("export.intro", language, count=f"**{count}**"))
st.markdown(f"**{t('common.filters', language)}**")
st.markdown(filters_markdown(data, view.filters, language))
if not initiatives:
    st.warning(t("results.no_match", language))
render_export_panel(data, view.filters, language)
render_map_data(data, view)
render_embed_panel(data, view)
