"""The live maps and the presentation's slides: drawn with the renderers, below Streamlit's side.

The one map builder every live map shares (`map_view`), the maps' browser behaviours
(`map_behaviour`, `map_phone`, `popup_placement`; their scripts in ``static/js/``) and the
presentation's slides (`presentation`).
"""
