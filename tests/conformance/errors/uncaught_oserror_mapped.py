# OSError(errno, ...) builds the subclass for the errno; its message shows the
# filenames.
print(type(OSError(13, "denied")).__name__)
raise OSError(2, "No such file or directory", "missing.txt", None, "other.txt")
