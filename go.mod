module farabi

go 1.26.8
