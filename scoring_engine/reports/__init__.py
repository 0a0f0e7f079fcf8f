"""Report renderers: the score table (评分表) as Markdown, CSV, xlsx and HTML.

Each renderer is a pure function from a Result to text or bytes and never
recomputes a score; the rows of the table are built once, in `rows`, and every
format prints the same rows. `scoring_engine.render.RENDERERS` registers them.
"""
