"""Which roadmap task each link with the network completes (the method's task keys).

The yearly membership completes none: it is renewed every year and shown as such."""

TASK_OF_LINK = {
    "intent": "declarer-intention-universcience",
    "sponsor": "obtenir-parrain",
    "visit": "organiser-visites-cites",
    "logo": "recevoir-logo-outils",
    "tools": "recevoir-logo-outils",
}
