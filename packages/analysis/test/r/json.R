# The minimal JSON writer the reference scripts share. jsonlite is not assumed to be installed,
# so the JSON is written by hand: every number with sprintf("%.17g") (round-trips a double
# exactly), NA and NaN as null. An infinite value stops the script rather than being silently
# written, because JSON has no spelling for it.

num <- function(x) {
  if (any(is.infinite(x))) stop("infinite value cannot be written to JSON")
  ifelse(is.na(x), "null", sprintf("%.17g", x))
}
arr <- function(x) paste0("[", paste(num(x), collapse = ","), "]")
bools <- function(x) paste0("[", paste(ifelse(x, "true", "false"), collapse = ","), "]")
str1 <- function(s) paste0("\"", s, "\"")
obj <- function(...) {
  fields <- list(...)
  body <- paste0(str1(names(fields)), ":", unlist(fields), collapse = ",")
  paste0("{", body, "}")
}
list_of <- function(items) paste0("[\n", paste(items, collapse = ",\n"), "\n]")

