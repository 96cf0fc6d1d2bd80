// Package sourceserver is the sms_source_server resource (a source server the SMS Agent
// registered, taken over to rename it, move it into a migration project and delete its
// record) and the sms_source_server and sms_source_servers data sources.
package sourceserver
