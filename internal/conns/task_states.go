package conns

// TaskRunningStates are the task states in which SMS refuses to delete the task, and
// the provider refuses to delete its source server's record (the task would lose its
// source while it moves data).
var TaskRunningStates = []string{"RUNNING", "SYNCING", "ABORTING", "SKIPPING", "RESETING", "DELETING"}
