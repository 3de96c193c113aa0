"""The plan as open data under ``/data/``: plain Starlette handlers, no Streamlit.

One job a module: `query` reads a request's query into the dashboard's view (a parameter that
cannot be used is a 400 naming it), `versioning` gives the data's version as ETag and
Last-Modified, `plan` loads the plan once per version, `records` says what an initiative is as
plain fields, the writers (`geo`, `feed`, `tables`) format one medium each, and `routes` lists
the routes that app.py serves. The light map (`/karta.html`, its preview image and robots.txt):
`light_page` makes the page, `light_routes` serves it, `framing` says who may frame what.
"""
