/**
 * Web: what every page and endpoint shares: the layout's navigation, the interface language (English, French, Spanish
 * or Arabic, right to left) and how it is chosen, and the translation of failures into RFC 9457 problem details.
 */
@ApplicationModule(displayName = "Web")
package org.pathwise.web;

import org.springframework.modulith.ApplicationModule;
