# Kaplan-Meier read-outs of the demo cohort's endpoints, computed by R's survival package from the
# (time, event) pairs that dump-demo-endpoints.ts wrote. Run from the repository root:
#   Rscript packages/api/src/reports/r-reference/make-demo-reference.R
# It writes demo-r-values.json next to this script (numbers with %.17g, NA as null).
suppressPackageStartupMessages(library(survival))
dir <- "packages/api/src/reports/r-reference"
d <- read.csv(file.path(dir, "demo-endpoints.csv"))
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
out <- c()
for (ep in c("hdfs", "dfs", "os")) {
  s <- d[d$endpoint == ep, ]
  fit <- survfit(Surv(time, event) ~ 1, data = s, conf.type = "log")
  q <- quantile(fit, probs = 0.5)
  sm <- summary(fit, times = c(12, 24, 36, 60), extend = TRUE)
  risk <- summary(fit, times = seq(0, 60, by = 6), extend = TRUE)$n.risk
  by_centre <- survdiff(Surv(time, event) ~ centre, data = s)
  out <- c(out, sprintf(
    paste0('"%s":{"n":%d,"events":%d,"median":%s,"medianLower":%s,"medianUpper":%s,',
           '"landmarkSurvival":[%s],"landmarkLower":[%s],"landmarkUpper":[%s],"atRisk":[%s],',
           '"logRankChiSquare":%s,"logRankCentres":[%s]}'),
    ep, nrow(s), sum(s$event), num(q$quantile), num(q$lower), num(q$upper),
    paste(num(sm$surv), collapse = ","), paste(num(sm$lower), collapse = ","),
    paste(num(sm$upper), collapse = ","), paste(risk, collapse = ","),
    num(by_centre$chisq), paste0('"', sub("centre=", "", names(by_centre$n)), '"', collapse = ",")
  ))
}
meta <- sprintf('"rVersion":"%s","survivalVersion":"%s"', paste(R.version$major, R.version$minor, sep = "."),
                as.character(packageVersion("survival")))
writeLines(paste0("{", meta, ",\n", paste(out, collapse = ",\n"), "}"), file.path(dir, "demo-r-values.json"))
