/** What a module needs to publish REST endpoints on the platform. */
@org.osgi.annotation.versioning.Version("1.6.0")
package org.courtyard.api.rest;
