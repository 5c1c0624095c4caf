/**
 * Web: what every page and endpoint shares, today the translation of failures into RFC 9457 problem details.
 */
@ApplicationModule(displayName = "Web")
package org.pathwise.web;

import org.springframework.modulith.ApplicationModule;
