/**
 * The start-up (and after-reload) check of the custom fields a program maps against what each
 * CRM account itself defines (issue 4): findings are warnings, never a failure to start.
 */
package io.leadflow.runtime.account;
