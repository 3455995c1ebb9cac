/*
 * An event's times are shown in its own time zone (templates/events/includes/when.html).
 * Where the visitor's browser is in another zone, this adds their own time beside them:
 * "(Your time: Tue 12 May, 08:00–11:30 CEST)". The label comes translated from the page
 * (data-label); dates are written by the browser in the page's language. Without
 * JavaScript, or when the two zones show the same clock time, the page is unchanged.
 */
(function () {
  "use strict";

  var OPTIONS = {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  };

  function formatter(language, zone, withZoneName) {
    var options = Object.assign({}, OPTIONS, { timeZone: zone });
    if (withZoneName) {
      options.timeZoneName = "short";
    }
    return new Intl.DateTimeFormat(language, options);
  }

  function range(format, start, end) {
    if (end && format.formatRange) {
      return format.formatRange(start, end);
    }
    return format.format(start) + (end ? " – " + format.format(end) : "");
  }

  function annotate(holder, language, browserZone) {
    var eventZone = holder.getAttribute("data-time-zone");
    var label = holder.getAttribute("data-label");
    var times = holder.querySelectorAll("time[data-local-time]");
    if (!eventZone || !label || !times.length || eventZone === browserZone) {
      return;
    }
    var start = new Date(times[0].getAttribute("datetime"));
    var end = times.length > 1 ? new Date(times[1].getAttribute("datetime")) : null;
    if (isNaN(start.getTime()) || (end && isNaN(end.getTime()))) {
      return;
    }
    var there, here;
    try {
      there = range(formatter(language, eventZone, false), start, end);
      here = range(formatter(language, browserZone, false), start, end);
    } catch (error) {
      return; // a zone this browser does not know
    }
    if (there === here) {
      return; // another name for the same clock time (Europe/Paris and Europe/Berlin)
    }
    var note = document.createElement("span");
    note.className = "event-local";
    note.textContent =
      "(" + label + ": " + range(formatter(language, browserZone, true), start, end) + ")";
    holder.appendChild(note);
  }

  function init() {
    if (!window.Intl || !Intl.DateTimeFormat) {
      return;
    }
    var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browserZone) {
      return;
    }
    var language = document.documentElement.lang || undefined;
    var holders = document.querySelectorAll("[data-time-zone][data-label]");
    Array.prototype.forEach.call(holders, function (holder) {
      annotate(holder, language, browserZone);
    });
  }

  init();
})();
