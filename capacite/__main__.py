"""Allows `python -m capacite …`, the same as the `capacite` console script."""

from capacite.cli import main

if __name__ == "__main__":
    main()
