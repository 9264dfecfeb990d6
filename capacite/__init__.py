"""capacite: build, label and run a Cité des métiers."""
