"""The jury's pages under /jury/: plain Django views for jurors (their rounds, declarations, score sheets) and
campaign staff (progress, assignment, ranking, deliberation, publication), in the site's light frame."""
