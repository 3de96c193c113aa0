"""Söderort 2030: the action plan as data, its places as geodata, and the dashboard's logic."""
