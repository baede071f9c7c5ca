"""The web UI and REST API (`corroborate serve`)."""
