/**
 * The admin console (Jakarta Faces, pages in webapp/console): backing beans that read and act through the
 * application services. Charts get their data as JSON in data attributes, drawn by Apache ECharts.
 */
package org.recsys.interfaces.console.web;
