"""The app's own web routes beside Streamlit's: plain Python on Starlette, no Streamlit import."""
