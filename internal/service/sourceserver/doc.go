// Package sourceserver is the sms_source_server and sms_source_servers data sources.
package sourceserver
