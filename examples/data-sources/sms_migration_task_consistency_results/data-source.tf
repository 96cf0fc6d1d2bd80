variable "task_id" {
  type = string
}

# What the SMS Agent found when it compared source and target (tasks
# created with is_need_consistency_check = true). The postcondition fails the run when
# a checked directory differs, so nothing that depends on this data source (a cut-over
# step) goes ahead on an inconsistent copy.
data "sms_migration_task_consistency_results" "web" {
  task_id = var.task_id

  lifecycle {
    postcondition {
      condition     = self.consistent != false
      error_message = "The copy differs from the source: ${join(", ", [for r in self.results : r.dir_check if coalesce(r.num_different_files, 0) + coalesce(r.num_target_miss_files, 0) + coalesce(r.num_target_more_files, 0) > 0])}."
    }
  }
}

output "checked_directories" {
  value = { for r in data.sms_migration_task_consistency_results.web.results : r.dir_check => r.num_total_files }
}
