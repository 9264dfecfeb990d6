"""Pure planning computations over plain data: no database, no Django.

`scenario` describes a way to run the Cité, `fte` turns it into staff needs and partner
coverage, `budget` lays the money out like the Cerfa 12156 budget table, `comparison` puts
scenarios side by side and `treasury` checks month by month that the cash never runs out.
"""
