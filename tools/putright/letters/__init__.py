"""Letters filled in from the record: what the Code requires each to say, Word and Markdown.

- ``requirements``: the items each kind of letter must state, with the Code's provisions;
- ``context``: ``build_letter`` makes a letter's content and its gaps from a case (pure);
- ``render``: the content as Word (docxtpl, autoescaped) or Markdown, from the trust's template
  or the default one in ``templates/`` (made by ``make_templates``);
- ``checks``: `check`'s warnings (a response lacking an item; a letter outside its folder);
- ``source``: one case read for a letter or a bundle.

Nothing is imported here: `check` imports ``checks`` alone, without Jinja or python-docx.
"""
