-- The generators' helpers go; the product's tables stay.
drop schema bench cascade;
