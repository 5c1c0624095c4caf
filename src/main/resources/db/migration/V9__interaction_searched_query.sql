-- What retrieval searched with for each answer: the question, or the standalone question a follow-up was made into.
ALTER TABLE interaction ADD COLUMN searched_query VARCHAR(4000) DEFAULT '' NOT NULL;
