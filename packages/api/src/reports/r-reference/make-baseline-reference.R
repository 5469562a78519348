# Baseline characteristics ("Table 1") of the demo cohort in base R, the reference for the committee
# report's table: per centre (EMC, IJS, AVL) and overall, the median and quartiles (R's default quantile,
# type 7), minimum and maximum of each measured value with its missing count, and the counts of each sex
# and ECOG value with their share of those with a value.
# Run from the repository root, after dump-demo-baseline.ts:
#   Rscript packages/api/src/reports/r-reference/make-baseline-reference.R
# It writes demo-baseline-r-values.json next to this script (numbers with %.17g, NA as null).
dir <- "packages/api/src/reports/r-reference"
d <- read.csv(file.path(dir, "demo-baseline.csv"), stringsAsFactors = FALSE)
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
obj <- function(keys, values) paste0("{", paste0('"', keys, '":', values, collapse = ","), "}")
groups <- list(EMC = d[d$centre == "EMC", ], IJS = d[d$centre == "IJS", ], AVL = d[d$centre == "AVL", ], all = d)
continuous <- setdiff(names(d), c("study_id", "centre", "sex", "ecog"))
summ <- function(x) {
  v <- sort(x[!is.na(x)])
  obj(c("n", "missing", "median", "q1", "q3", "min", "max"),
      c(length(v), sum(is.na(x)), num(median(v)), num(quantile(v, 0.25, names = FALSE)),
        num(quantile(v, 0.75, names = FALSE)), num(min(v)), num(max(v))))
}
tab <- function(x, levels) {
  v <- x[!is.na(x)]
  obj(levels, sapply(levels, function(l) obj(c("count", "proportion"), c(sum(v == l), num(sum(v == l) / length(v))))))
}
group <- function(g) {
  obj(c("n", "continuous", "sex", "ecog", "ecogMissing"),
      c(nrow(g), obj(continuous, sapply(continuous, function(v) summ(g[[v]]))),
        tab(g$sex, c("female", "male")), tab(as.character(g$ecog), as.character(0:5)), sum(is.na(g$ecog))))
}
json <- obj(c("rVersion", names(groups)), c(paste0('"', R.version.string, '"'), sapply(groups, group)))
writeLines(json, file.path(dir, "demo-baseline-r-values.json"))
