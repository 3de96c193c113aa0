"""The geodata build, one job a module; ``python -m tools.build_geodata`` runs it."""
