/** Where CRM accounts and their credentials come from: environment variables and a JSON secrets file, never rule files. */
package io.leadflow.connector.secrets;
