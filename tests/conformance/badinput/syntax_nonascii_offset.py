# A non-ASCII name before the error: CPython reports the column in bytes for a file
éé = = 1
