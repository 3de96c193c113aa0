"""The maps' style sheets: the live map's, and the standalone file's heading above its map."""

from __future__ import annotations

from soderort.palette import (
    CORRIDOR_COLOUR,
    DISTRICT_COLOUR,
    FOCUS_COLOUR,
    HEADING_COLOUR,
    LABEL_CHIP_COLOUR,
    LABEL_CHIP_EMPTY_COLOUR,
    MUTED_TEXT_COLOUR,
    OUTLINE_COLOUR,
    TEXT_COLOUR,
)
from soderort.palette import MAP_BACKGROUND_COLOUR as BACKGROUND_COLOUR

# Width of the map's right-hand column of controls (layer control, legend), padding included.
LEGEND_COLUMN_PX = 240
# Leaflet's scale bar (100 px at most) with its margins: the credits keep out of it.
SCALE_BAR_ROOM_PX = 130
# The presentation's labels: 13 px on a laptop's map is too small beside the room's 28 px text.
# On a 1280 px projector the map is about 520 px wide, where 14 px still leaves room for most
# names beside each other (15 px named five of nine places at once); a wider map takes 18 px.
ROOM_LABEL_PX = 14
ROOM_WIDE_LABEL_PX = 18
ROOM_WIDE_MAP_PX = 700


MAP_CSS = f"""
<style>
.leaflet-container {{ background: {BACKGROUND_COLOUR}; font: 15px/1.4 "Source Sans Pro",
  "Source Sans 3", system-ui, sans-serif; }}
/* Chrome draws a focus box round a clicked SVG area; the popup already shows what was chosen.
   A place reached with Tab gets a thick outline of its own shape instead. */
.leaflet-container path.leaflet-interactive:focus {{ outline: none; }}
.leaflet-container path.leaflet-interactive:focus-visible {{
    stroke: {FOCUS_COLOUR}; stroke-width: 5px; stroke-opacity: 1; stroke-dasharray: none;
}}
.leaflet-popup-content {{ margin: 12px 14px; }}
.sod-popup {{ max-height: 360px; overflow-y: auto; color: #1a1a1a; padding-right: 4px; }}
.sod-popup h3 {{ font-size: 18px; line-height: 1.25; margin: 0 0 2px; }}
.sod-popup h4 {{ font-size: 16px; line-height: 1.3; margin: 10px 0 2px; color: #00396b; }}
.sod-popup .sod-meta {{ color: #4a4a4a; font-size: 13px; margin: 0 0 4px; }}
.sod-popup dl {{ margin: 0; }}
.sod-popup dt {{ font-weight: 600; font-size: 13px; margin-top: 5px; color: #3a3a3a; }}
.sod-popup dd {{ margin: 0; font-size: 14px; overflow-wrap: anywhere; }}
.sod-popup details {{ border-top: 1px solid #dde3ea; padding-top: 4px; margin-top: 4px; }}
.sod-popup details summary {{ cursor: pointer; font-weight: 600; color: #00396b; }}
.sod-popup a {{ color: #00539B; font-weight: 600; }}
.sod-popup p {{ margin: 8px 0 0; }}
.sod-cut {{ color: #8a1c1c; font-weight: 700; }}
.sod-followup {{ margin: 6px 0 2px; padding: 4px 8px; border-left: 4px solid #5a5a5a;
  background: #f4f6f8; font-size: 14px; }}
.sod-followup h5 {{ font-size: 13px; margin: 0; text-transform: uppercase; letter-spacing: .04em;
  color: #3a3a3a; }}
.sod-followup p {{ margin: 2px 0 0; }}
.sod-followup .sod-status {{ font-weight: 700; }}
.leaflet-tooltip.sod-tooltip {{ font-size: 14px; padding: 4px 8px; color: #1a1a1a; }}
.sod-label {{ display: inline-block; white-space: nowrap; transform: translate(-50%, -50%);
  background: rgba(255,255,255,0.94); border: 1px solid #5a5a5a; border-radius: 12px;
  padding: 1px 4px 1px 9px; font-size: 13px; line-height: 18px; color: #1a1a1a;
  box-shadow: 0 1px 2px rgba(0,0,0,.25); }}
.sod-label b {{ display: inline-block; min-width: 1.4em; text-align: center; margin-left: 6px;
  background: {LABEL_CHIP_COLOUR}; color: #fff; border-radius: 9px; padding: 0 4px; }}
/* A long name (up to model.MAX_NAME_CHARS) ends in "…" on the label; the tooltip has it whole. */
.sod-label .sod-name {{ display: inline-block; max-width: 16em; overflow: hidden;
  text-overflow: ellipsis; vertical-align: top; }}
.sod-label.sod-zero {{ color: #4a4a4a; border-style: dashed; }}
.sod-compact .sod-label {{ padding: 1px 3px; }}
.sod-compact .sod-label .sod-name {{ display: none; }}
.sod-compact .sod-label b {{ margin-left: 0; }}
.sod-label.sod-zero b {{ background: {LABEL_CHIP_EMPTY_COLOUR}; }}
.sod-legend {{ background: rgba(255,255,255,0.95); padding: 5px 9px; border-radius: 6px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); font-size: 13px; line-height: 1.32; color: #1a1a1a;
  max-width: {LEGEND_COLUMN_PX - 20}px; }}
.sod-legend summary {{ cursor: pointer; font-weight: 600; margin-bottom: 2px; }}
.sod-legend i {{ display: inline-block; width: 13px; height: 13px; margin-right: 6px;
  vertical-align: -2px; border: 1px solid #5a5a5a; }}
.sod-legend .sod-wide i {{ margin-right: 2px; }}
.sod-legend .sod-wide span {{ display: block; }}
.sod-legend i.sod-line {{ height: 0; border: 0; border-top: 3px dashed {CORRIDOR_COLOUR}; }}
.sod-legend i.sod-outline {{ background: none; border: 2px solid {OUTLINE_COLOUR}; }}
.sod-legend i.sod-district {{ height: 0; border: 0; border-top: 1px solid {DISTRICT_COLOUR}; }}
/* The credits wrap beside the scale bar (at most 100 px wide, Leaflet's default, with its
   margin) instead of running under it on a narrow map. Of the window (the map fills its frame):
   a percentage would be of the corner that holds it, which is only as wide as its content. */
.leaflet-control-attribution {{ max-width: calc(100vw - {SCALE_BAR_ROOM_PX}px); }}
</style>
"""

# The room's map: it fills the height its frame is given (the presentation sizes the frame to
# the screen), and its labels are read from the back of the room.
ROOM_MAP_CSS = f"""
<style>
#map_div {{ height: 100vh !important; }}
.sod-label {{ font-size: {ROOM_LABEL_PX}px; line-height: {ROOM_LABEL_PX + 6}px; }}
@media (min-width: {ROOM_WIDE_MAP_PX}px) {{
  .sod-label {{ font-size: {ROOM_WIDE_LABEL_PX}px; line-height: {ROOM_WIDE_LABEL_PX + 6}px; }}
  .sod-label b {{ border-radius: 12px; }}
}}
</style>
"""


# The standalone file: its heading above the map, the map filling the rest of the window.
FILE_HEADER_CSS = f"""
<style>
body {{ display: flex; flex-direction: column; }}
.sod-file {{ flex: 0 0 auto; padding: 8px 14px; color: {TEXT_COLOUR};
  border-bottom: 1px solid #c8c8c8;
  font: 14px/1.4 "Source Sans Pro", "Source Sans 3", system-ui, sans-serif; }}
.sod-file h1 {{ font-size: 20px; margin: 0 0 2px; color: {HEADING_COLOUR}; }}
.sod-file ul {{ margin: 0; padding: 0; list-style: none; color: {MUTED_TEXT_COLOUR}; }}
.sod-file li {{ display: inline; }}
.sod-file li + li::before {{ content: " · "; }}
.folium-map {{ position: relative !important; flex: 1 1 auto; height: auto !important;
  min-height: 0; }}
</style>
"""
