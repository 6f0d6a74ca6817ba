"""Holiday administration: the year calendar dialog (``dialog``) and the managers' banner
(``banner``), each imported where it is used."""
