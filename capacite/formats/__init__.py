"""capacite's own number formats, over Django's (settings: FORMAT_MODULE_PATH)."""
