// Package template is sms_server_template and the sms_server_templates data source.
package template
