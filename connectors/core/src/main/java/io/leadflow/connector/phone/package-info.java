/** Phone helpers for CRMs that store and search phones as free text. */
package io.leadflow.connector.phone;
