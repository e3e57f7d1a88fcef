"""The course's search: index contents (sections), the index file (index), the reviewed
synonyms (synonyms) and the search figures of `make bench` (bench). The worker that
answers queries in the browser is docs/assets/javascripts/course-search.js."""
